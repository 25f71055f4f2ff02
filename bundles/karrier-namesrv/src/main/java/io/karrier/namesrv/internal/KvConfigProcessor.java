package io.karrier.namesrv.internal;

import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.KVTable;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.header.GetKvConfigResponseHeader;
import io.karrier.protocol.header.KvConfigRequestHeader;
import io.karrier.protocol.header.NamespaceRequestHeader;
import io.karrier.protocol.header.PutKvConfigRequestHeader;

/**
 * The KV configuration codes: PUT_KV_CONFIG (100), GET_KV_CONFIG (101), DELETE_KV_CONFIG (102),
 * GET_KVLIST_BY_NAMESPACE (219). A change is answered once it is on disk; if it cannot be written
 * the caller gets SYSTEM_ERROR, though the name server already serves the new value.
 */
@Component(service = RequestProcessor.class, property = {
        RequestProcessor.SERVER + "=" + NameServerComponent.SERVER_NAME,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.PUT_KV_CONFIG,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.GET_KV_CONFIG,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.DELETE_KV_CONFIG,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.GET_KVLIST_BY_NAMESPACE})
public class KvConfigProcessor extends NameServerProcessor {

    private final KvConfigStore store;

    @Activate
    public KvConfigProcessor(@Reference KvConfigStore store) {
        this.store = store;
    }

    @Override
    CompletionStage<RemotingCommand> answer(ClientChannel channel, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.PUT_KV_CONFIG -> {
                PutKvConfigRequestHeader header = PutKvConfigRequestHeader.from(request.extFields());
                yield whenStored(store.put(header.namespace(), header.key(), header.value()));
            }
            case RequestCode.GET_KV_CONFIG -> get(KvConfigRequestHeader.from(request.extFields()));
            case RequestCode.DELETE_KV_CONFIG -> {
                KvConfigRequestHeader header = KvConfigRequestHeader.from(request.extFields());
                yield whenStored(store.delete(header.namespace(), header.key()));
            }
            case RequestCode.GET_KVLIST_BY_NAMESPACE -> namespace(NamespaceRequestHeader.from(request.extFields()));
            default -> notSupported(request);
        };
    }

    private CompletionStage<RemotingCommand> get(KvConfigRequestHeader header) {
        String value = store.get(header.namespace(), header.key());
        if (value == null) {
            return completed(RemotingCommand.response(ResponseCode.QUERY_NOT_FOUND,
                    "No config item, Namespace: " + header.namespace() + " Key: " + header.key()));
        }
        return completed(new GetKvConfigResponseHeader(value)
                .writeTo(RemotingCommand.response(ResponseCode.SUCCESS, null)));
    }

    private CompletionStage<RemotingCommand> namespace(NamespaceRequestHeader header) {
        Map<String, String> entries = store.namespace(header.namespace());
        if (entries == null) {
            return completed(RemotingCommand.response(ResponseCode.QUERY_NOT_FOUND,
                    "No config item, Namespace: " + header.namespace()));
        }
        return completed(RemotingCommand.response(ResponseCode.SUCCESS, null)
                .body(RemotingJson.encode(new KVTable(entries))));
    }

    private static CompletionStage<RemotingCommand> whenStored(CompletionStage<Void> stored) {
        return stored.handle((done, failure) -> failure == null
                ? RemotingCommand.response(ResponseCode.SUCCESS, null)
                : RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                        "KV configuration changed but not persisted: " + rootMessage(failure)));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
