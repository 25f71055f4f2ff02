package io.karrier.api.remoting;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers requests of the codes named in its {@value #REQUEST_CODE} service property (an
 * {@code Integer} or {@code Integer[]}) on the servers named in its {@value #SERVER} property (a name
 * given to {@link RemotingServerFactory#start}, such as {@code broker}). Registered as a whiteboard
 * service: a code is served from the next request after its processor arrives, and answered
 * REQUEST_CODE_NOT_SUPPORTED after it leaves. Where several processors claim a code, the one with the
 * highest {@code service.ranking} answers.
 *
 * <p>{@link #process} runs on the business pool of the processor's {@link #family()}. It must not
 * wait for disk, replicas or other servers: it returns a stage that completes when the answer is
 * known. An exceptional stage is answered SYSTEM_ERROR with a short remark, never a stack trace.
 */
@ConsumerType
public interface RequestProcessor {

    /** Service property listing the request codes this processor answers. */
    String REQUEST_CODE = "karrier.request.code";

    /** Service property naming the server (or servers, as {@code String[]}) whose requests this processor answers. */
    String SERVER = "karrier.server";

    /**
     * @param channel the connection the request came on
     * @param request the decoded request
     * @return the response; ignored for oneway requests. A response's opaque and response flag are
     *         set by the remoting layer.
     */
    CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request);

    /** @return the business pool this processor runs on */
    default ProcessorFamily family() {
        return ProcessorFamily.ADMIN;
    }
}
