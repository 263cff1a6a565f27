package dev.berth.compose;

/** Which images {@code down --rmi} removes. */
public enum RemoveImages {
    /** Images built for services without an {@code image:} name ({@code --rmi local}). */
    LOCAL,
    /** Every image the services use ({@code --rmi all}). */
    ALL
}
