package netlab.kernel.grading;

import java.time.Duration;

/**
 * What one exercise of a submission may use.
 *
 * @param stepTimeout  time one step (an answer cell, a setup cell, one exercise's whole check) may take
 * @param caseTimeout  time one case of a check may take
 * @param heap         the agent's heap ({@code -Xmx}): the memory limit of the submission's code
 * @param outputLimit  characters one step may print before it is stopped
 */
public record GradingLimits(Duration stepTimeout, Duration caseTimeout, String heap, long outputLimit) {

    /**
     * The time one whole submission may take: every step of the lesson's plan once at the step time limit, every
     * case once at the case limit, and two steps more (the agent's start, a replay after a lost agent). An honest
     * submission never meets it; duplicated answer cells that each take nearly the step limit (the audit's 1,000
     * sleeping copies) held a grading slot for hours without it.
     */
    public Duration budget(int steps, int cases) {
        return stepTimeout.multipliedBy(steps + 2L).plus(caseTimeout.multipliedBy(cases));
    }

    /** 20 s a step, 1 s a case, 256 MB of heap, 1 M characters of output. */
    public static GradingLimits defaults() {
        return new GradingLimits(Duration.ofSeconds(20), Duration.ofSeconds(1), "256m", 1_000_000);
    }
}
