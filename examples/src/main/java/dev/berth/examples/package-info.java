/** Runnable programs that walk through Docker with Berth. */
package dev.berth.examples;
