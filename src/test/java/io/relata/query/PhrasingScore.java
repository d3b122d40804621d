package io.relata.query;

import io.relata.query.PhrasingJudge.Judgement;
import io.relata.query.PhrasingJudge.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The judgements of one benchmark file: accuracy, confident wrong answers, and tables by form and by trait. */
record PhrasingScore(String file, List<Judgement> judgements) {

    private static final Pattern TENSE = Pattern.compile("\\b(is|are|was|were|has|had)\\b|\\bwho's\\b|\\bwhat's\\b");
    private static final Pattern LEADING = Pattern.compile("^(tell me|do you know|can you tell me|please)\\b");

    PhrasingScore {
        judgements = List.copyOf(judgements);
    }

    int correct() {
        return (int) judgements.stream().filter(j -> j.outcome() == Outcome.CORRECT).count();
    }

    double accuracy() {
        return judgements.isEmpty() ? 0 : (double) correct() / judgements.size();
    }

    List<Judgement> confidentlyWrong() {
        return judgements.stream().filter(j -> j.outcome().confidentlyWrong).toList();
    }

    String summary() {
        return String.format(Locale.ROOT, "%s: accuracy %.3f (%d of %d), confidently wrong %d",
                file, accuracy(), correct(), judgements.size(), confidentlyWrong().size());
    }

    /**
     * The report: the summary, a table per form, a table per trait of the wording, and the failures; with
     * {@code details} false the failures are listed by id only, so that the questions of a held-out file stay unread.
     */
    String report(boolean details) {
        StringBuilder out = new StringBuilder();
        out.append(summary()).append('\n');
        out.append(String.format(Locale.ROOT, "outcomes: %s%n", counts(judgements)));
        out.append('\n').append(table("form", j -> List.of(j.question().form())));
        out.append('\n').append(table("trait of the wording", PhrasingScore::traits));
        List<Judgement> failures = judgements.stream().filter(j -> j.outcome() != Outcome.CORRECT).toList();
        out.append('\n').append("failures (").append(failures.size()).append("):\n");
        for (Judgement j : failures) {
            if (details) {
                String expected = switch (j.question().expect()) {
                    case ANSWER -> String.join("|", j.question().first())
                            + (j.question().direction() == null ? "" : " " + j.question().direction())
                            + (j.question().evidence() == null ? "" : " " + j.question().evidence());
                    case VERIFY -> "holds=" + j.question().holds()
                            + (j.question().evidence() == null ? "" : " " + j.question().evidence());
                    case NONE -> "no answer";
                };
                out.append(String.format(Locale.ROOT, "  %-5s %-16s %s%n        expected %s%n        got      %s%n",
                        j.question().id(), j.outcome().label(), j.question().question(), expected, j.got()));
            } else {
                out.append(String.format(Locale.ROOT, "  %-5s %-16s %s%n", j.question().id(), j.outcome().label(), j.question().form()));
            }
        }
        return out.toString();
    }

    private String table(String title, Function<Judgement, List<String>> keys) {
        Map<String, List<Judgement>> groups = new TreeMap<>();
        for (Judgement j : judgements) {
            for (String key : keys.apply(j)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(j);
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-24s %4s %7s %8s %8s  %s%n",
                title, "n", "correct", "accuracy", "wrong≥.5", "other outcomes"));
        for (Map.Entry<String, List<Judgement>> group : groups.entrySet()) {
            List<Judgement> js = group.getValue();
            long correct = js.stream().filter(j -> j.outcome() == Outcome.CORRECT).count();
            long wrong = js.stream().filter(j -> j.outcome().confidentlyWrong).count();
            List<Judgement> others = js.stream()
                    .filter(j -> j.outcome() != Outcome.CORRECT && !j.outcome().confidentlyWrong).toList();
            out.append(String.format(Locale.ROOT, "%-24s %4d %7d %8.3f %8d  %s%n",
                    group.getKey(), js.size(), correct, (double) correct / js.size(), wrong, counts(others)));
        }
        return out.toString();
    }

    private static String counts(List<Judgement> judgements) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        judgements.forEach(j -> counts.merge(j.outcome(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((outcome, n) -> parts.add(outcome.label() + " " + n));
        return String.join(", ", parts);
    }

    /** Traits of the wording read off the question itself: tense, leading phrase, "please", "?", letter case. */
    static List<String> traits(Judgement judgement) {
        PhrasingCase question = judgement.question();
        if (question.structured()) {
            return List.of("structured body");
        }
        String text = question.question();
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> traits = new ArrayList<>();
        Matcher tense = TENSE.matcher(lower);
        if (tense.find()) {
            String word = tense.group(1) == null ? "is" : tense.group(1);
            traits.add("verb: " + word);
        } else {
            traits.add("verb: none");
        }
        Matcher leading = LEADING.matcher(lower);
        if (leading.find()) {
            traits.add("leading: " + leading.group(1));
        }
        if (lower.contains("please")) {
            traits.add("please");
        }
        traits.add(text.endsWith("?") ? "ends with ?" : "no ?");
        if (text.equals(lower)) {
            traits.add("case: lower");
        } else if (text.equals(text.toUpperCase(Locale.ROOT))) {
            traits.add("case: upper");
        }
        return traits;
    }
}
