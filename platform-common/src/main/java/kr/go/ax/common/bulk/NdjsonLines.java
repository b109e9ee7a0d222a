package kr.go.ax.common.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import kr.go.ax.common.problem.JsonPaths;

/**
 * Reads an {@code application/x-ndjson} body as a stream: one JSON object a line, parsed and validated on its own, so
 * a bad line is answered REJECTED (naming the field and the rule) and never stops the good ones. Valid lines are
 * handed to the endpoint in chunks (one transaction each), so memory and lock time stay bounded whatever the size.
 *
 * @param <T> the type of one line
 */
public final class NdjsonLines<T> {
    public static final String MEDIA_TYPE = "application/x-ndjson";

    /** A valid line and its number in the request. */
    public record Numbered<T>(int line, T input) {
    }

    private final ObjectReader reader;
    private final Validator validator;
    private final Function<T, String> externalIdOf;
    private final int maxLines;
    private final int maxLineLength;

    public NdjsonLines(ObjectMapper mapper, Validator validator, Class<T> type, Function<T, String> externalIdOf,
            int maxLines, int maxLineLength) {
        this.reader = mapper.readerFor(type);
        this.validator = validator;
        this.externalIdOf = externalIdOf;
        this.maxLines = maxLines;
        this.maxLineLength = maxLineLength;
    }

    /**
     * Reads every line, passes the valid ones to {@code store} {@code chunkSize} at a time, and returns one result per
     * non-blank line in line order: the rejections found here and whatever {@code store} answered for the rest.
     */
    public List<LineResult> process(InputStream body, int chunkSize, Function<List<Numbered<T>>, List<LineResult>> store)
            throws IOException {
        List<LineResult> results = new ArrayList<>();
        List<Numbered<T>> chunk = new ArrayList<>(chunkSize);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (number > maxLines) {
                    results.add(LineResult.rejected(number, null, "$", "TOO_MANY_LINES",
                            "a request carries at most " + maxLines + " lines"));
                    continue;
                }
                Numbered<T> parsed = parse(number, line, results);
                if (parsed != null) {
                    chunk.add(parsed);
                }
                if (chunk.size() == chunkSize) {
                    results.addAll(store.apply(chunk));
                    chunk = new ArrayList<>(chunkSize);
                }
            }
        }
        if (!chunk.isEmpty()) {
            results.addAll(store.apply(chunk));
        }
        results.sort(Comparator.comparingInt(LineResult::line));
        return results;
    }

    /** Counts the results with a status. */
    public static int count(List<LineResult> results, String status) {
        return (int) results.stream().filter(r -> r.is(status)).count();
    }

    /** One line to an input, or a REJECTED result naming the field and the rule. */
    private Numbered<T> parse(int number, String line, List<LineResult> results) {
        if (line.length() > maxLineLength) {
            results.add(LineResult.rejected(number, null, "$", "LINE_TOO_LONG",
                    "a line may be at most " + maxLineLength + " characters"));
            return null;
        }
        T input;
        try {
            input = reader.readValue(line);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "$" : JsonPaths.ofJackson(e.getPath());
            results.add(LineResult.rejected(number, null, field, "INVALID_VALUE", e.getOriginalMessage()));
            return null;
        } catch (JsonProcessingException e) {
            results.add(LineResult.rejected(number, null, "$", "MALFORMED_JSON", e.getOriginalMessage()));
            return null;
        }
        if (input == null) {
            results.add(LineResult.rejected(number, null, "$", "MALFORMED_JSON", "the line is not a JSON object"));
            return null;
        }
        List<LineError> errors = validator.validate(input).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .map(v -> new LineError(v.getPropertyPath().toString(), "INVALID_VALUE", v.getMessage()))
                .toList();
        if (!errors.isEmpty()) {
            results.add(new LineResult(number, LineResult.REJECTED, externalIdOf.apply(input), errors));
            return null;
        }
        return new Numbered<>(number, input);
    }
}
