package netlab.kernel.cli;

/** The {@code netlab} command: reads arguments once and runs one subcommand. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("netlab: nothing here yet");
    }
}
