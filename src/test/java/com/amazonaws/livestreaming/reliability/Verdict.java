package com.amazonaws.livestreaming.reliability;

import com.amazonaws.livestreaming.testing.ResponseEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the suite concludes about one case: how the faulted request ended, and every way the case broke the rules
 * (a second answer, an answer past the deadline, a follow-up that did not succeed, something left in AWS, the
 * ResponseURL's signature in the log).
 */
record Verdict(Outcome outcome, List<String> problems, boolean leak, boolean doubleAnswer, boolean late) {

    /** How the faulted request ended. */
    enum Outcome {
        COMPLETED("Completed after retries"),
        FAILED_NAMING_THE_CALL("One FAILED naming the call"),
        AS_WITHOUT_THE_FAULT("Answered as without the fault");

        private final String heading;

        Outcome(String heading) {
            this.heading = heading;
        }

        String heading() {
            return heading;
        }
    }

    /**
     * Calls whose failure must not change the answer: MediaLive's alerts only explain a failure already decided
     * (a channel that could not start), so when they cannot be read the reason points at the console instead.
     */
    static final Set<String> BEST_EFFORT = Set.of("MediaLive:ListAlerts");

    boolean passed() {
        return problems.isEmpty();
    }

    /** What a clean run of a scenario answered. */
    record Clean(String status, String reason, Set<String> dataKeys, List<String> calls, List<String> answered) {
        static Clean of(StackRun.Result result) {
            JsonNode answer = result.answer().puts().isEmpty()
                    ? null
                    : result.answer().puts().get(0);
            Set<String> keys = new TreeSet<>();
            if (answer != null) {
                answer.path("Data").fieldNames().forEachRemaining(keys::add);
            }
            return new Clean(
                    answer == null ? "none" : answer.path("Status").asText(),
                    answer == null ? "" : answer.path("Reason").asText(),
                    keys,
                    result.calls(),
                    result.answered());
        }

        /** The distinct calls, in the order they were first made. */
        List<String> distinctCalls() {
            return calls.stream().distinct().toList();
        }
    }

    /** A clean run: the expected status, and the rules every case keeps. */
    static Verdict ofClean(Scenario scenario, StackRun.Result result) {
        Checks checks = new Checks(result);
        String status = checks.status();
        String expected = scenario.succeeds() ? "SUCCESS" : "FAILED";
        if (!expected.equals(status)) {
            checks.problem("answered " + status + " without any fault, expected " + expected + ": " + checks.reason());
        }
        return checks.verdict(Outcome.AS_WITHOUT_THE_FAULT);
    }

    /**
     * A fault on {@code call}: a transient one must leave the answer as it was without it; a persistent one must
     * fail the request naming the call and repeating what the service said (a {@link #BEST_EFFORT} call aside).
     */
    static Verdict ofFault(Clean clean, StackRun.Result result, String call, Fault fault, boolean persistent) {
        Checks checks = new Checks(result);
        if (!persistent) {
            return checks.sameAs(clean);
        }
        String callName = call.replace(':', ' ');
        String reason = checks.reason();
        if ("FAILED".equals(checks.status()) && reason.contains(callName) && reason.contains(fault.message(call))) {
            return checks.verdict(Outcome.FAILED_NAMING_THE_CALL);
        }
        if (BEST_EFFORT.contains(call) && clean.status().equals(checks.status())) {
            return checks.verdict(Outcome.AS_WITHOUT_THE_FAULT);
        }
        checks.problem("expected one FAILED answer naming '" + callName + "' and '" + fault.message(call) + "', got "
                + checks.status() + ": " + reason);
        return checks.verdict(Outcome.FAILED_NAMING_THE_CALL);
    }

    /** A step of a Create refused for good: FAILED naming the call, and the rollback Delete leaves nothing. */
    static Verdict ofStep(Clean clean, StackRun.Result result, String call, String message) {
        Checks checks = new Checks(result);
        String reason = checks.reason();
        if ("FAILED".equals(checks.status()) && reason.contains(call.replace(':', ' ')) && reason.contains(message)) {
            return checks.verdict(Outcome.FAILED_NAMING_THE_CALL);
        }
        if (BEST_EFFORT.contains(call) && clean.status().equals(checks.status())) {
            return checks.verdict(Outcome.AS_WITHOUT_THE_FAULT);
        }
        checks.problem("expected one FAILED answer naming '" + call.replace(':', ' ') + "', got " + checks.status()
                + ": " + reason);
        return checks.verdict(Outcome.FAILED_NAMING_THE_CALL);
    }

    /** The rules every case keeps, checked on its result. */
    static final class Checks {
        private final StackRun.Result result;
        private final List<String> problems = new ArrayList<>();
        private boolean leak;
        private boolean doubleAnswer;
        private boolean late;

        Checks(StackRun.Result result) {
            this.result = result;
            answer("the request", result.answer());
            for (StackRun.FollowUp followUp : result.followUps()) {
                answer(followUp.what(), followUp.answer());
                if (followUp.answer().puts().size() == 1
                        && !"SUCCESS".equals(followUp.answer().status())) {
                    problem(followUp.what() + " answered " + followUp.answer().status() + ": "
                            + followUp.answer().reason());
                }
            }
            if (!result.leftovers().isEmpty()) {
                leak = true;
                problem("left in AWS: " + result.leftovers());
            }
            if (result.log().contains(ResponseEndpoint.SIGNATURE)) {
                problem("the log shows the ResponseURL's signature");
            }
        }

        private void answer(String what, Lane.Answer answer) {
            if (answer.puts().size() != 1) {
                doubleAnswer |= answer.puts().size() > 1;
                problem(what + " got " + answer.puts().size() + " answers: " + answer.puts());
            }
            if (answer.took().compareTo(Lane.LAMBDA_TIMEOUT) >= 0) {
                late = true;
                problem(what + " was answered after " + answer.took().toSeconds() + " s, past the Lambda's "
                        + Lane.LAMBDA_TIMEOUT.toSeconds() + " s");
            }
        }

        String status() {
            return result.answer().puts().isEmpty()
                    ? "none"
                    : result.answer().puts().get(0).path("Status").asText();
        }

        String reason() {
            return result.answer().puts().isEmpty()
                    ? ""
                    : result.answer().puts().get(0).path("Reason").asText();
        }

        void problem(String problem) {
            problems.add(problem);
        }

        /** The same answer as the clean run: status, Data's keys, and a failure's reason. */
        Verdict sameAs(Clean clean) {
            if (!clean.status().equals(status())) {
                problem("answered " + status() + " (" + reason() + "), without the fault " + clean.status());
            } else if ("SUCCESS".equals(status())) {
                Set<String> keys = new TreeSet<>();
                result.answer().puts().get(0).path("Data").fieldNames().forEachRemaining(keys::add);
                if (!keys.equals(clean.dataKeys())) {
                    problem("answered Data " + keys + ", without the fault " + clean.dataKeys());
                }
            } else if (!clean.reason().equals(reason())) {
                problem("failed with '" + reason() + "', without the fault '" + clean.reason() + "'");
            }
            return verdict("SUCCESS".equals(clean.status()) ? Outcome.COMPLETED : Outcome.AS_WITHOUT_THE_FAULT);
        }

        Verdict verdict(Outcome outcome) {
            return new Verdict(outcome, List.copyOf(problems), leak, doubleAnswer, late);
        }
    }
}
