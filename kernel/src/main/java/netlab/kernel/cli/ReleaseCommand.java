package netlab.kernel.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlab.kernel.notebook.MarkerException;
import netlab.kernel.notebook.Notebook;
import netlab.kernel.notebook.Release;
import netlab.text.Text;

/**
 * {@code netlab release SOURCE... --out DIR}: writes the student version of each teacher notebook to DIR
 * (same file name). Every notebook is checked before any is written, so a marker error leaves DIR untouched.
 */
final class ReleaseCommand implements Command {

    @Override
    public String name() {
        return "release";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(arguments, Set.of(), Set.of("out"));
        if (args.positionals().isEmpty()) {
            throw new UsageException(Text.of("teacher.release.one"));
        }
        if (!args.has("out")) {
            throw new UsageException(Text.of("teacher.release.out"));
        }
        Path outDir = Path.of(args.value("out", "")).toAbsolutePath().normalize();
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new UsageException(Text.of("teacher.release.out.file", args.value("out", "")));
        }
        List<Path> sources = new ArrayList<>();
        for (String s : args.positionals()) {
            Path source = Path.of(s).toAbsolutePath().normalize();
            if (!Files.isRegularFile(source)) {
                throw new UsageException(Text.of("teacher.no.notebook", s));
            }
            if (source.getParent().equals(outDir)) {
                throw new UsageException(Text.of("teacher.release.overwrite", outDir, s));
            }
            if (sources.stream().anyMatch(p -> p.getFileName().equals(source.getFileName()))) {
                throw new UsageException(Text.of("teacher.release.twice", source.getFileName()));
            }
            sources.add(source);
        }
        Release release = new Release(netlab.kernel.course.CourseLibrary.exerciseIds()::contains);
        List<Notebook> released = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Path source = sources.get(i);
            Notebook nb = RunCommand.readNotebook(source, args.positionals().get(i));
            try {
                released.add(release.apply(nb, source.getFileName().toString()));
            } catch (MarkerException e) {
                err.println("netlab release: " + e.getMessage());
                err.println("netlab release: " + Text.of("teacher.release.nothing"));
                return 1;
            }
        }
        Files.createDirectories(outDir);
        for (int i = 0; i < sources.size(); i++) {
            Path target = outDir.resolve(sources.get(i).getFileName());
            released.get(i).write(target);
            out.println(Text.of("teacher.release.done", target));
        }
        return 0;
    }
}
