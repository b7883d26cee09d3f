package netlab.kernel.jshell;

import netlab.text.Text;

/** {@code /exit} (or a cell of just {@code exit}): asks the front end to close; {@code jupyter console} does. */
final class ExitMagic implements Magic {

    @Override
    public String name() {
        return "exit";
    }

    @Override
    public String run(String args, MagicContext context) {
        context.plan().exit(); // JShell's /exit takes an exit code; a notebook has no use for it
        return Text.of("magic.exit.done") + "\n";
    }
}
