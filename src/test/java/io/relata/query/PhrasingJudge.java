package io.relata.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges one HTTP response to a benchmark question against the API contract (api.md): the first answer is
 * {@code answers[0]}, a yes/no question answers with a top-level {@code verification}, and only a confidence of at
 * least 0.5 counts as an answer, whatever {@code minConfidence} the service applied.
 */
final class PhrasingJudge {

    /** Below this confidence a response says nothing: it neither answers nor is wrong. */
    static final double CONFIDENT = 0.5;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a response fared. Only the three confident failures count as wrong; the rest are "not answered". */
    enum Outcome {
        CORRECT(false),
        /** The first answer, at confidence ≥ 0.5, is none of the acceptable ones. */
        WRONG_ANSWER(true),
        /** The verification, at confidence ≥ 0.5, says the opposite of the data. */
        WRONG_VERDICT(true),
        /** A question without an answer got one at confidence ≥ 0.5. */
        ANSWERED_NONE(true),
        /** The right first answer, but the response's direction is not the expected one. */
        WRONG_DIRECTION(false),
        /** The right first answer or verdict, with other evidence than expected. */
        WRONG_EVIDENCE(false),
        /** 200 without an answer (or verification) at confidence ≥ 0.5. */
        NO_ANSWER(false),
        /** 422: the question was not understood. */
        NOT_UNDERSTOOD(false),
        /** 404: the entity was not found or was ambiguous. */
        UNKNOWN_ENTITY(false),
        /** Any other status, or a body that is not the contract's. */
        ERROR(false);

        final boolean confidentlyWrong;

        Outcome(boolean confidentlyWrong) {
            this.confidentlyWrong = confidentlyWrong;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The judgement of one question, with a one-line account of what the response said. */
    record Judgement(PhrasingCase question, Outcome outcome, String got) {}

    private PhrasingJudge() {}

    static Judgement judge(PhrasingCase question, int status, String body) {
        if (status == 404 || status == 422) {
            Outcome outcome = question.expect() == PhrasingCase.Expect.NONE
                    ? Outcome.CORRECT
                    : status == 404 ? Outcome.UNKNOWN_ENTITY : Outcome.NOT_UNDERSTOOD;
            return new Judgement(question, outcome, status + " " + problemDetail(body));
        }
        if (status != 200) {
            return new Judgement(question, Outcome.ERROR, status + " " + problemDetail(body));
        }
        JsonNode response;
        try {
            response = JSON.readTree(body);
        } catch (JacksonException e) {
            return new Judgement(question, Outcome.ERROR, "200 with a body that is not JSON");
        }
        return switch (question.expect()) {
            case ANSWER -> answer(question, response);
            case VERIFY -> verification(question, response);
            case NONE -> nothing(question, response);
        };
    }

    private static Judgement answer(PhrasingCase question, JsonNode response) {
        JsonNode first = response.path("answers").path(0);
        String got = describeAnswers(response);
        if (first.isMissingNode() || first.path("confidence").asDouble(0) < CONFIDENT) {
            return new Judgement(question, Outcome.NO_ANSWER, got);
        }
        if (!question.first().contains(first.path("entity").path("label").asString(""))) {
            return new Judgement(question, Outcome.WRONG_ANSWER, got);
        }
        if (question.direction() != null && !question.direction().equals(response.path("direction").asString(""))) {
            return new Judgement(question, Outcome.WRONG_DIRECTION, got);
        }
        if (question.evidence() != null && !question.evidence().equals(first.path("evidence").asString(""))) {
            return new Judgement(question, Outcome.WRONG_EVIDENCE, got);
        }
        return new Judgement(question, Outcome.CORRECT, got);
    }

    private static Judgement verification(PhrasingCase question, JsonNode response) {
        JsonNode verification = response.path("verification");
        String got = describeVerification(response);
        if (!verification.path("holds").isBoolean() || verification.path("confidence").asDouble(0) < CONFIDENT) {
            return new Judgement(question, Outcome.NO_ANSWER, got);
        }
        if (verification.path("holds").asBoolean() != question.holds()) {
            return new Judgement(question, Outcome.WRONG_VERDICT, got);
        }
        if (question.evidence() != null && !contains(verification.path("evidence"), question.evidence())) {
            return new Judgement(question, Outcome.WRONG_EVIDENCE, got);
        }
        return new Judgement(question, Outcome.CORRECT, got);
    }

    private static Judgement nothing(PhrasingCase question, JsonNode response) {
        boolean answered = false;
        for (JsonNode answer : response.path("answers")) {
            answered |= answer.path("confidence").asDouble(0) >= CONFIDENT;
        }
        JsonNode verification = response.path("verification");
        answered |= verification.path("holds").asBoolean(false) && verification.path("confidence").asDouble(0) >= CONFIDENT;
        String got = verification.isMissingNode() ? describeAnswers(response) : describeVerification(response);
        return new Judgement(question, answered ? Outcome.ANSWERED_NONE : Outcome.CORRECT, got);
    }

    /** Whether the evidence, an array as api.md has it (or a single string), names the value. */
    private static boolean contains(JsonNode evidence, String value) {
        if (evidence.isString()) {
            return value.equals(evidence.asString());
        }
        for (JsonNode item : evidence) {
            if (item.isString() && value.equals(item.asString())) {
                return true;
            }
        }
        return false;
    }

    /** "forward: Mary Lee Pfeiffer 1.0 stated, …" — the first three answers, for the report. */
    private static String describeAnswers(JsonNode response) {
        List<String> answers = new ArrayList<>();
        for (JsonNode answer : response.path("answers")) {
            if (answers.size() == 3) {
                answers.add("…");
                break;
            }
            answers.add(answer.path("entity").path("label").asString("?") + " "
                    + answer.path("confidence").asDouble(0) + " " + answer.path("evidence").asString("?"));
        }
        return "200 " + response.path("direction").asString("?") + " [" + String.join(", ", answers) + "]";
    }

    private static String describeVerification(JsonNode response) {
        JsonNode verification = response.path("verification");
        if (verification.isMissingNode()) {
            return describeAnswers(response) + ", no verification";
        }
        return "200 verification holds=" + verification.path("holds").asString("?")
                + " " + verification.path("confidence").asDouble(0) + " " + verification.path("evidence");
    }

    private static String problemDetail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String detail = problem.path("detail").asString(problem.path("title").asString(""));
            return detail.length() > 120 ? detail.substring(0, 120) + "…" : detail;
        } catch (JacksonException e) {
            return "(no problem body)";
        }
    }
}
