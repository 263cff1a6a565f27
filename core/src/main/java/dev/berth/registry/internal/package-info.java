/** Implementation of {@code dev.berth.registry}; not an API, may change in any release. */
package dev.berth.registry.internal;
