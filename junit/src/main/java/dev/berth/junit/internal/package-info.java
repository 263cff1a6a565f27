/** Berth JUnit's implementation; not API. */
package dev.berth.junit.internal;
