/** Implementation of {@code dev.berth.volume}; not an API, may change in any release. */
package dev.berth.volume.internal;
