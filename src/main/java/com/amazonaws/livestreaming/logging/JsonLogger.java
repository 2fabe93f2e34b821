package com.amazonaws.livestreaming.logging;

import com.amazonaws.livestreaming.cfn.Invocation;
import com.amazonaws.livestreaming.cfn.JsonLog;
import com.amazonaws.livestreaming.cfn.Redaction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One SLF4J logger, writing to the log of the invocation the calling thread works for (else the {@linkplain
 * JsonLog#active() active} JSON log), so a line carries the fields of the invocation it happened in (Lambda request id, resource, CloudFormation request). Kept: WARN and ERROR from
 * any logger, and, from the SDK's request logger, which says so only at DEBUG, each retry with the error that
 * caused it (e.g. {@code TooManyRequestsException ... Status Code: 429}), written as a WARN. Everything else is
 * off, so no request or response detail is ever formatted.
 */
final class JsonLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    /** The AWS SDK's request logger ({@code SdkStandardLogger.REQUEST_LOGGER}). */
    static final String SDK_REQUEST_LOGGER = "software.amazon.awssdk.request";
    /** How the SDK begins a retry notice ({@code RetryableStageHelper}). */
    static final String RETRY_NOTICE = "Retryable error detected";

    JsonLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return SDK_REQUEST_LOGGER.equals(name);
    }

    @Override
    public boolean isInfoEnabled() {
        return false;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        String written;
        if (level == Level.WARN || level == Level.ERROR) {
            written = level.name();
        } else if (level == Level.DEBUG && message != null && message.startsWith(RETRY_NOTICE)) {
            written = Level.WARN.name();
        } else {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("logger", name);
        if (throwable != null) {
            fields.put(
                    "error", Redaction.oneLine(throwable.getClass().getSimpleName() + ": " + throwable.getMessage()));
        }
        // the invocation this thread works for, if any: a worker that outlives its answer must not write into the
        // next invocation's lines (the active log belongs to whichever invocation the container serves now)
        JsonLog target = Invocation.current().map(Invocation::log).orElseGet(JsonLog::active);
        target.write(written, Redaction.oneLine(message), fields);
    }
}
