package netlab.kernel.jshell;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import netlab.text.Text;

/** {@code %help}, {@code %lsmagic}, {@code /help}: every magic and command, one line each. */
final class HelpMagic implements Magic {

    private final String name;
    private final Supplier<Collection<Magic>> magics;

    HelpMagic(String name, Supplier<Collection<Magic>> magics) {
        this.name = name;
        this.magics = magics;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return Text.of("magic.help.usage"); // %help and %lsmagic share it
    }

    @Override
    public String run(String args, MagicContext context) {
        Magic.noArguments(name, args);
        return Text.of("magic.help.head") + "\n" + usages(magics.get()) + Text.of("magic.help.jshell") + "\n";
    }

    /** Each magic's usage on a line of its own, indented; a usage two magics share ({@code %help}) once. */
    static String usages(Collection<Magic> magics) {
        Set<String> lines = new LinkedHashSet<>();
        magics.forEach(m -> lines.add(m.usage()));
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append("  ").append(l).append('\n'));
        return b.toString();
    }
}
