/**
 * Implementation of Berth Swarm: Engine API JSON in and out, convergence rules, the stack translation. Not API; may
 * change in any release.
 */
package dev.berth.swarm.internal;
