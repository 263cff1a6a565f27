/** Implementation of {@code dev.berth.image}; not an API, may change in any release. */
package dev.berth.image.internal;
