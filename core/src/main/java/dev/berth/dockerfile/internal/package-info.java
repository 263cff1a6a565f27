/** Lexing, JSON and duration helpers of the Dockerfile model; not API, may change without notice. */
package dev.berth.dockerfile.internal;
