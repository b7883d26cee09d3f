package netlab.kernel.jshell;

import netlab.text.Lang;
import netlab.text.Text;

/**
 * {@code %lang zh} / {@code %lang en}: the language of hints, check tables, error explanations and the course
 * library's messages from now on, in the kernel and in the agent; {@code %lang} alone says which it is.
 */
final class LangMagic implements Magic {

    @Override
    public String name() {
        return "lang";
    }

    @Override
    public String usage() {
        return Text.of("kernel.lang.usage");
    }

    @Override
    public String run(String args, MagicContext context) {
        Lang now = context.language().get();
        if (args.isBlank()) {
            return Text.in(now, "kernel.lang.now") + "\n";
        }
        Lang chosen = Lang.parse(args).orElseThrow(
                () -> new IllegalArgumentException(Text.in(now, "kernel.lang.bad", args.strip())));
        context.useLanguage().accept(chosen);
        return Text.in(chosen, "kernel.lang.switched") + "\n";
    }
}
