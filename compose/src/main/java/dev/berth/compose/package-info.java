/** Berth Compose: load and orchestrate Compose projects in pure Java. */
package dev.berth.compose;
