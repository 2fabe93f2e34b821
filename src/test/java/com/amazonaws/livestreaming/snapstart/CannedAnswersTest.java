package com.amazonaws.livestreaming.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How the stand-in picks its answers: by call, by text in the request, in turn, echoing earlier requests. */
class CannedAnswersTest {
    private static final CannedAnswers ANSWERS = CannedAnswers.of("""
            {"Svc:Describe@42": [{"body": {"state": "IDLE"}}, {"status": 404, "error": "NotFoundException"}],
             "Svc:Describe": {"body": {"state": "OTHER"}},
             "Svc:Create": {"echo": "Svc:Create", "wrap": "thing", "body": {"id": "42"}},
             "S3:List": {"xml": "<ListBucketResult/>"}}""".getBytes(StandardCharsets.UTF_8));

    private static String body(CannedAnswers.Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aListIsAnsweredInTurnTheLastRepeatingUntilTheNextRequestBegins() {
        CannedAnswers answers = CannedAnswers.of(
                "{\"Svc:Describe@42\":[{\"body\":{\"n\":1}},{\"body\":{\"n\":2}}]}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"n\":1}", body(answers.next("Svc:Describe", "/things/42", new byte[0])));
        assertEquals("{\"n\":2}", body(answers.next("Svc:Describe", "/things/42", new byte[0])));
        assertEquals("{\"n\":2}", body(answers.next("Svc:Describe", "/things/42", new byte[0])));
        answers.restart();
        assertEquals("{\"n\":1}", body(answers.next("Svc:Describe", "/things/42", new byte[0])));
    }

    @Test
    void textInThePathChoosesTheAnswerAndAnErrorNamesItsCode() {
        CannedAnswers answers = CannedAnswers.of(("{\"Svc:Describe@42\": [{\"body\": {}}, {\"status\": 404,"
                        + " \"error\": \"NotFoundException\"}], \"Svc:Describe\": {\"body\": {\"state\": \"OTHER\"}}}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"state\":\"OTHER\"}", body(answers.next("Svc:Describe", "/things/7", new byte[0])));
        answers.next("Svc:Describe", "/things/42", new byte[0]);
        CannedAnswers.Answer gone = answers.next("Svc:Describe", "/things/42", new byte[0]);
        assertEquals(404, gone.status());
        assertEquals("NotFoundException", gone.headers().get("x-amzn-ErrorType"));
    }

    @Test
    void anAnswerEchoesTheRequestItNamesUnderItsOwnFields() {
        byte[] request = "{\"name\":\"n\",\"id\":\"ignored\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("{\"thing\":{\"name\":\"n\",\"id\":\"42\"}}", body(ANSWERS.next("Svc:Create", "/", request)));
    }

    @Test
    void aCallWithoutAnAnswerGetsAnEmptyOneOfItsProtocol() {
        assertEquals("{}", body(ANSWERS.next("Svc:Unknown", "/", new byte[0])));
        assertEquals(
                "application/xml", ANSWERS.next("S3:Unknown", "/", new byte[0]).contentType());
        assertEquals("<ListBucketResult/>", body(ANSWERS.next("S3:List", "/", new byte[0])));
    }
}
