/** Berth Swarm: clusters, nodes, services, secrets, configs and stacks. */
package dev.berth.swarm;
