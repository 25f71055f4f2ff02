package io.karrier.broker.internal;

import java.util.List;

import io.karrier.api.remoting.RequestProcessor;

/** A processor and the request codes it answers on the broker's servers. */
public record ProcessorBinding(RequestProcessor processor, List<Integer> codes) {

    public ProcessorBinding {
        codes = List.copyOf(codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("no request codes for " + processor);
        }
    }

    public static ProcessorBinding of(RequestProcessor processor, Integer... codes) {
        return new ProcessorBinding(processor, List.of(codes));
    }
}
