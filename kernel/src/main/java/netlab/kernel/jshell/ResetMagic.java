package netlab.kernel.jshell;

import netlab.text.Text;

/** {@code /reset}: as in JShell, forget every declaration; here it also starts a fresh Java process. */
final class ResetMagic implements Magic {

    @Override
    public String name() {
        return "reset";
    }

    @Override
    public String run(String args, MagicContext context) {
        Magic.noArguments(name(), args);
        context.plan().reset();
        return Text.of("magic.reset.done") + "\n";
    }
}
