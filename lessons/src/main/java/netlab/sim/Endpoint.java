package netlab.sim;

/** Something a cable can plug into: a device (its next free port) or one given {@link Port}. */
public sealed interface Endpoint permits Device, Port {

    /** The port a new cable plugs into. */
    Port freePort();
}
