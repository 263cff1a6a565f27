/** Implementation of {@code dev.berth.network}; not an API, may change in any release. */
package dev.berth.network.internal;
