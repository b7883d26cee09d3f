package netlab.display;

/**
 * One output shown by {@link Display#show}, which can be replaced in place.
 *
 * <pre>{@code
 * DisplayHandle h = Display.show("0%");
 * for (int p = 10; p <= 100; p += 10) h.update(p + "%");
 * }</pre>
 */
public final class DisplayHandle {

    private final String id;

    DisplayHandle(String id) {
        this.id = id;
    }

    /** The display id the notebook knows this output by. */
    public String id() {
        return id;
    }

    /** Replaces the shown output with {@code value}. Example: {@code handle.update(Html.of("<b>done</b>", "done"))}. */
    public void update(Object value) {
        Display.sink().show(Display.bundleOf(value), id, true);
    }
}
