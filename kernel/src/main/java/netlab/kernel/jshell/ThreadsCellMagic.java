package netlab.kernel.jshell;

import netlab.text.Text;

/**
 * {@code %%threads N} on a cell's first line: this cell may run up to N live threads of each kind — platform
 * threads (2000 by default) and virtual threads (by default half the agent's heap at 2 KB each) — instead of
 * the defaults, when N is higher. For a cell that really needs more, such as a demo starting a million virtual
 * threads; the next run of the cell without it is back to the defaults.
 */
final class ThreadsCellMagic implements Magic {

    /** More than this is no cap at all: the agent dies of memory long before. */
    static final int MOST = 10_000_000;

    @Override
    public String name() {
        return "%threads";
    }

    @Override
    public String usage() {
        return Text.of("magic.threads.usage");
    }

    @Override
    public String run(String args, MagicContext context) {
        context.plan().threads(parse(args));
        return "";
    }

    /** N, a whole number from 1 to {@link #MOST} ("100_000" and "100,000" are fine). */
    static int parse(String args) {
        String t = args.strip().replace("_", "").replace(",", "");
        try {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= MOST) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(Text.of("magic.threads.bad", MOST, args.strip()));
    }
}
