/** Berth: an embeddable Java SDK for Docker. */
package dev.berth;
