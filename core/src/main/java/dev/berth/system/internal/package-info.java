/** Implementation of {@code dev.berth.system}; not an API, may change in any release. */
package dev.berth.system.internal;
