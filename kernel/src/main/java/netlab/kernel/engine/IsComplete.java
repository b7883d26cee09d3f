package netlab.kernel.engine;

/** The answer to {@code is_complete_request}; {@code indent} is set only for {@link Status#INCOMPLETE}. */
public record IsComplete(Status status, String indent) {

    public enum Status {
        COMPLETE("complete"), INCOMPLETE("incomplete"), INVALID("invalid"), UNKNOWN("unknown");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public static IsComplete of(Status status) {
        return new IsComplete(status, "");
    }
}
