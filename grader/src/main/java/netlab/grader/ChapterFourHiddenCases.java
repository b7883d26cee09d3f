package netlab.grader;

import java.util.List;
import netlab.course.CoroutineExercises;
import netlab.course.HttpExercises;
import netlab.course.ServerExercises;
import netlab.exercise.HiddenCaseSet;
import netlab.exercise.HiddenCases;

/**
 * Hidden cases of chapter 4: twenty quiet clients (a fixed pool of fewer threads serves nobody else) and a reset
 * before them; a reset and many clients for the poll and Selector loops; three listeners on one port; lines split
 * at every place (an empty chunk, "\n" alone, nothing left at the end) and one chunk holding many lines; tasks of
 * unequal length and an empty one; five pages; HTTP pipelining, Connection: close, HTTP/1.0, a malformed request
 * line and a page whose length in bytes is not its length in characters.
 */
public final class ChapterFourHiddenCases implements HiddenCaseSet {

    @Override
    public List<HiddenCases<?>> hiddenCases() {
        return List.of(
                new HiddenCases<>("server.thread-per-connection", ServerExercises.ThreadPerConnection.class, List.of(
                        ServerExercises.threadCase(20, false),
                        ServerExercises.threadCase(3, true))),
                new HiddenCases<>("server.poll-loop", ServerExercises.PollLoop.class, List.of(
                        ServerExercises.pollCase(ServerExercises.Workload.RESET, 3),
                        ServerExercises.pollCase(ServerExercises.Workload.CLOSE, 12))),
                new HiddenCases<>("server.selector", ServerExercises.SelectorLoop.class, List.of(
                        ServerExercises.selectorCase(ServerExercises.Workload.RESET, 3),
                        ServerExercises.selectorCase(ServerExercises.Workload.CLOSE, 12))),
                new HiddenCases<>("server.reuseport", ServerExercises.SharedListener.class, List.of(
                        ServerExercises.reusePortCase(3, 60))),
                new HiddenCases<>("coroutine.lines", CoroutineExercises.Lines.class, List.of(
                        CoroutineExercises.linesCase(List.of("", "a", "\n", "", "b\nc\nd\n")),
                        CoroutineExercises.linesCase(List.of("\n\n", "x")))),
                new HiddenCases<>("coroutine.round-robin", CoroutineExercises.RoundRobin.class, List.of(
                        CoroutineExercises.roundRobinCase(List.of(1, 4, 2)),
                        CoroutineExercises.roundRobinCase(List.of(0, 2)))),
                new HiddenCases<>("coroutine.downloader", CoroutineExercises.Downloader.class, List.of(
                        CoroutineExercises.downloaderCase(5))),
                new HiddenCases<>("http.server", HttpExercises.PageServer.class, List.of(
                        HttpExercises.rawCase(HttpExercises.Talk.PIPELINED),
                        HttpExercises.rawCase(HttpExercises.Talk.CLOSE),
                        HttpExercises.rawCase(HttpExercises.Talk.HTTP_10),
                        HttpExercises.rawCase(HttpExercises.Talk.MALFORMED),
                        HttpExercises.clientCase("/zh.html"))));
    }
}
