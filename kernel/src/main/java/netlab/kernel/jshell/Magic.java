package netlab.kernel.jshell;

/**
 * One magic: a line {@code %name args} at the top of a cell ({@code %%name} on the first line for a cell magic,
 * {@code /name} for JShell's own commands). Each magic is a small class whose argument parser is a pure static
 * method; {@link Magics} finds and runs them. What a magic says comes from the catalogue ({@code magic_*.properties}),
 * in the notebook's language.
 */
interface Magic {

    /** The name after {@code %}; a cell magic's starts with {@code %} itself ({@code %time} for {@code %%time}). */
    String name();

    /** One line: how to call it and what it does; the catalogue's {@code magic.NAME.usage}. */
    default String usage() {
        return netlab.text.Text.of("magic." + name() + ".usage");
    }

    /**
     * Runs the magic; returns what to show the student.
     *
     * @throws IllegalArgumentException with a message saying what was expected and what was seen
     */
    String run(String args, MagicContext context);

    /**
     * Whether the magic runs as part of its cell, after the lines that set the cell up ({@code %timeout},
     * {@code %threads}, {@code %load} ...) and after the cell has begun in the agent, so that an interrupt or the
     * cell's time limit stops it as it stops the cell's code: {@code /vars} runs each value's {@code toString}.
     */
    default boolean runsInCell() {
        return false;
    }

    /** Refuses arguments to a magic that takes none. */
    static void noArguments(String name, String args) {
        if (!args.isBlank()) {
            throw new IllegalArgumentException(netlab.text.Text.of("magic.args.none", name, args.strip()));
        }
    }
}
