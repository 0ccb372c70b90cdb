package org.supervisionhub.api.publicsite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supervisionhub.api.errors.ErrorCode;
import org.supervisionhub.domain.directory.Uscc;
import org.supervisionhub.graph.publicsite.PublicSite;
import org.supervisionhub.graph.publicsite.PublicSite.ResultQuery;
import org.supervisionhub.graph.publicsite.PublicSite.Slice;
import org.supervisionhub.graph.publicsite.PublicSiteRepository;

/**
 * The open data behind the public site: paginated JSON ({@code page} from 0), a CSV export of each list, and an Atom feed
 * per department. Anonymous GETs only; a CDN may cache each answer for a minute (ETags come from ShallowEtagHeaderFilter,
 * see PublicSiteConfiguration). Thin: the repository decides what is public.
 */
@RestController
public class PublicDataController {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;
    /** A CSV export is one statement; this bounds what one request may ask of the database. */
    static final int MAX_CSV_ROWS = 10_000;
    static final CacheControl CACHE = CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic();
    static final Set<String> CATEGORIES = java.util.Arrays.stream(org.supervisionhub.domain.inspection.ResultCategory.values())
            .map(Enum::name).collect(java.util.stream.Collectors.toSet());

    /** A refused parameter: answered 400 with {@link ErrorCode#INVALID_VALUE} and the parameter's name. */
    static final class BadParameter extends RuntimeException {
        final String field;

        BadParameter(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private final PublicSiteRepository repository;
    private final Clock clock;

    public PublicDataController(PublicSiteRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @GetMapping("/public/data/departments")
    public ResponseEntity<Object> departments() {
        return json(Map.of("items", repository.departments().stream().map(PublicRows::department).toList()));
    }

    @GetMapping("/public/data/results")
    public ResponseEntity<Object> results(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
                                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String category, @RequestParam(defaultValue = "0") String page,
                                          @RequestParam(defaultValue = "20") String size) {
        int p = number("page", page, 0, Integer.MAX_VALUE / MAX_SIZE);
        int s = number("size", size, 1, MAX_SIZE);
        return page(searchResults(q, department, from, to, category, p * s, s), PublicRows::result, p, s);
    }

    @GetMapping(value = "/public/data/results.csv")
    public ResponseEntity<byte[]> resultsCsv(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
                                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String category) {
        return csv("results", searchResults(q, department, from, to, category, 0, MAX_CSV_ROWS).items().stream()
                .map(PublicRows::result).toList());
    }

    private Slice<PublicSite.Result> searchResults(String q, String department, String from, String to, String category, int skip, int limit) {
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 100) {
            throw new BadParameter("q", "q is at most 100 characters");
        }
        if (category != null && !category.isBlank() && !CATEGORIES.contains(category)) {
            throw new BadParameter("category", "category is one of " + new java.util.TreeSet<>(CATEGORIES));
        }
        // An 18-character code that normalises to a valid USCC is looked up as one; anything else is part of a name.
        String uscc = null;
        if (text != null && text.length() == 18) {
            try {
                uscc = Uscc.normalise(text);
            } catch (RuntimeException notAUscc) {
                uscc = null;
            }
        }
        ResultQuery query = new ResultQuery(text, blank(department), date("from", from), date("to", to), blank(category));
        return repository.results(query, uscc, skip, limit);
    }

    @GetMapping("/public/data/{list:penalties|notices|checklists|plans|draws}")
    public ResponseEntity<Object> list(@PathVariable String list, @RequestParam(required = false) String department,
                                       @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size) {
        int p = number("page", page, 0, Integer.MAX_VALUE / MAX_SIZE);
        int s = number("size", size, 1, MAX_SIZE);
        String d = blank(department);
        return switch (list) {
            case "penalties" -> page(repository.penalties(d, p * s, s), PublicRows::penalty, p, s);
            case "notices" -> page(repository.notices(d, p * s, s), PublicRows::notice, p, s);
            case "checklists" -> page(repository.checklists(d, p * s, s), PublicRows::checklist, p, s);
            case "plans" -> page(repository.plans(d, p * s, s), PublicRows::plan, p, s);
            default -> page(repository.draws(d, p * s, s), PublicRows::draw, p, s);
        };
    }

    @GetMapping("/public/data/{list:penalties|notices|checklists|plans|draws}.csv")
    public ResponseEntity<byte[]> listCsv(@PathVariable String list, @RequestParam(required = false) String department) {
        String d = blank(department);
        return switch (list) {
            case "penalties" -> csv(list, repository.penalties(d, 0, MAX_CSV_ROWS).items().stream().map(PublicRows::penalty).toList());
            case "notices" -> csv(list, repository.notices(d, 0, MAX_CSV_ROWS).items().stream().map(PublicRows::notice).toList());
            case "checklists" -> csv(list, PublicRows.flatten(repository.checklists(d, 0, MAX_CSV_ROWS).items().stream()
                    .map(PublicRows::checklist).toList(), "items"));
            case "plans" -> csv(list, PublicRows.flatten(repository.plans(d, 0, MAX_CSV_ROWS).items().stream()
                    .map(PublicRows::plan).toList(), "tasks"));
            default -> csv(list, repository.draws(d, 0, MAX_CSV_ROWS).items().stream().map(PublicRows::draw).toList());
        };
    }

    /** An Atom feed of a department's new publications (results, corrections, penalty decisions, checklists, plans, draws). */
    @GetMapping(value = "/public/feeds/{departmentId}.atom")
    public ResponseEntity<byte[]> feed(@PathVariable String departmentId) {
        PublicSite.Department department = repository.departments().stream().filter(d -> d.id().equals(departmentId)).findFirst()
                .orElse(null);
        if (department == null) {
            return ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON)
                    .body(("{\"errors\":[{\"message\":\"no department " + AtomFeed.escape(departmentId).replace("\"", "")
                            + "\",\"extensions\":{\"code\":\"" + ErrorCode.NOT_FOUND + "\"}}]}").getBytes(StandardCharsets.UTF_8));
        }
        List<PublicSite.Publication> entries = repository.publications(departmentId, 50);
        OffsetDateTime updated = entries.isEmpty() ? OffsetDateTime.now(clock) : entries.get(0).at();
        byte[] body = AtomFeed.write(department, entries, updated).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8")).body(body);
    }

    @ExceptionHandler(BadParameter.class)
    ResponseEntity<Object> bad(BadParameter e) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", ErrorCode.INVALID_VALUE.name());
        ext.put("field", e.field);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(Map.of("message", e.getMessage(), "extensions", ext))));
    }

    private static <T> ResponseEntity<Object> page(Slice<T> slice, Function<T, Map<String, Object>> row, int page, int size) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", slice.items().stream().map(row).toList());
        body.put("total", slice.total());
        body.put("page", page);
        body.put("size", size);
        return json(body);
    }

    private static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** RFC 4180 with CRLF line ends; cells are quoted only where they must be. */
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();

    static ResponseEntity<byte[]> csv(String name, List<Map<String, Object>> rows) {
        return ResponseEntity.ok().cacheControl(CACHE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(csvBody(PublicRows.COLUMNS.get(name), rows));
    }

    /** UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese text right; lists joined by "；". */
    static byte[] csvBody(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            printer.printRecord(columns.stream().map(PublicDataController::defuse));
            for (Map<String, Object> r : rows) {
                printer.printRecord(columns.stream().map(c -> r.get(c) instanceof List<?> l
                        ? defuse(String.join("；", l.stream().map(String::valueOf).toList())) : defuse(r.get(c) == null ? "" : r.get(c).toString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A leading formula character is defused with an apostrophe, so a spreadsheet never evaluates published text. */
    static String defuse(String v) {
        return !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadParameter(field, field + " is a number from " + min + " to " + max);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameter(field, field + " is a date (yyyy-MM-dd)");
        }
    }
}
