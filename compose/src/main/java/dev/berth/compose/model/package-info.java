/**
 * The immutable, typed model of a loaded Compose project: {@link dev.berth.compose.model.Project} and its services,
 * networks, volumes, secrets and configs. Optional values are null when the file does not set them; collections are
 * never null (empty when unset). Every service also keeps its full canonical definition in {@code raw()}.
 */
package dev.berth.compose.model;
