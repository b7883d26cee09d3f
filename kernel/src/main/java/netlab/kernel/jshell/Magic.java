package netlab.kernel.jshell;

/**
 * One line magic: a line {@code %name args} at the top of a cell. Each magic is a small class whose argument
 * parser is a pure static method; {@link Magics} finds and runs them.
 */
interface Magic {

    /** The name after {@code %}. */
    String name();

    /** One line: how to call it and what it does. */
    String usage();

    /**
     * Runs the magic; returns what to show the student.
     *
     * @throws IllegalArgumentException with a message saying what was expected and what was seen
     */
    String run(String args, MagicContext context);
}
