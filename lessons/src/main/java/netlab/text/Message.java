package netlab.text;

import java.util.List;

/**
 * A sentence as data: a catalogue key and its arguments, worded only when someone reads it, in the reader's
 * language. This is what crosses a JVM boundary or waits in a report; {@link #toString()} words it in
 * {@link Lang#current()}.
 *
 * <pre>{@code
 * Message m = Message.of("check.hidden.count", 3);
 * m.in(Lang.EN)   // "3 hidden checks run when graded"
 * m.in(Lang.ZH)   // "3 个隐藏检查在评分时运行"
 * }</pre>
 *
 * @param key  a key of the catalogue, {@code area.name...}
 * @param args the values its text refers to as {@code {0}}, {@code {1}} ...
 */
public record Message(String key, List<Object> args) {

    public Message {
        java.util.Objects.requireNonNull(key, "key");
        args = List.copyOf(args.stream().map(a -> a == null ? "null" : a).toList());
    }

    /** The message {@code key} with {@code args}. */
    public static Message of(String key, Object... args) {
        return new Message(key, java.util.Arrays.asList(args));
    }

    /** This message worded in {@code lang}; an argument that is itself a {@link Message} is worded in it too. */
    public String in(Lang lang) {
        return Catalog.shared().format(lang, key, args.toArray());
    }

    /** This message in {@link Lang#current()}. */
    @Override
    public String toString() {
        return in(Lang.current());
    }
}
