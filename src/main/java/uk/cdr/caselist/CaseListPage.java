package uk.cdr.caselist;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import uk.cdr.area.Areas;
import uk.cdr.paging.Page;
import uk.cdr.security.CurrentUser;

/**
 * The case list page: search and open any case. The SPOC and the Designated Doctor search by the
 * child's identifiers too and open the case page; the CDOP panel sees anonymised cases, with no
 * identifying search fields, and opens the panel's view of each case.
 */
@Controller
class CaseListPage {

    /** Field labels, for the error summary: "Date of birth must be a date …". */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("reference", "Case reference"),
            Map.entry("name", "Child's name"), Map.entry("nhsNumber", "NHS number"), Map.entry("dateOfBirth", "Date of birth"),
            Map.entry("diedFrom", "Died from"), Map.entry("diedTo", "Died to"), Map.entry("stage", "Stage"),
            Map.entry("reportingYear", "Reporting year"), Map.entry("area", "Area"), Map.entry("page", "Page"),
            Map.entry("size", "Cases a page"));

    private final CaseList caseList;
    private final Areas areas;

    CaseListPage(CaseList caseList, Areas areas) {
        this.caseList = caseList;
        this.areas = areas;
    }

    /** An error in the summary at the top: the field's label and the rule; linked when the field is on the page. */
    record Error(String field, String message, boolean linked) {
    }

    @GetMapping("/cases")
    String list(@RequestParam Map<String, String> query, Authentication user, Model model, HttpServletResponse response) {
        Viewer viewer = Viewer.of(CurrentUser.from(user).orElseThrow());
        Map<String, String> given = new LinkedHashMap<>();
        CaseSearch.PARAMETERS.forEach(p -> given.put(p, query.getOrDefault(p, "")));
        model.addAttribute("viewer", viewer);
        model.addAttribute("identifies", viewer.identifies());
        model.addAttribute("q", given);
        model.addAttribute("stages", List.of(ListedStage.values()));
        model.addAttribute("areas", areas.all());
        try {
            CaseSearch search = CaseSearch.of(given, viewer.identifies(), areas);
            // As the select names it: ?area=North%20Borough searched North Borough, and shows it chosen.
            given.put("area", search.area() == null ? "" : search.area());
            Page<ListedCase> found = caseList.search(search, viewer, user.getName());
            model.addAttribute("found", found);
            model.addAttribute("previousPage", found.hasPrevious() ? pageLink(given, found.page() - 1) : null);
            model.addAttribute("nextPage", found.hasNext() ? pageLink(given, found.page() + 1) : null);
            model.addAttribute("errors", List.of());
            model.addAttribute("errorFor", Map.of());
        } catch (CaseSearch.Invalid e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.problems().stream()
                    .map(p -> new Error(p.field(), LABELS.getOrDefault(p.field(), p.field()) + " " + p.rule(),
                            onThePage(p.field(), viewer, areas.several()))).toList());
            Map<String, String> errorFor = new LinkedHashMap<>();
            e.problems().forEach(p -> errorFor.putIfAbsent(p.field(), LABELS.getOrDefault(p.field(), p.field()) + " " + p.rule()));
            model.addAttribute("errorFor", errorFor);
        }
        return "caselist/cases";
    }

    /** Page and size are in the links, not the form; the panel's form has no identifying fields. */
    private static boolean onThePage(String field, Viewer viewer, boolean areaOnThePage) {
        return !field.equals("page") && !field.equals("size") && (areaOnThePage || !field.equals("area"))
                && (viewer.identifies() || !CaseSearch.IDENTIFYING.contains(field));
    }

    private static String pageLink(Map<String, String> given, int page) {
        Map<String, String> params = new LinkedHashMap<>(given);
        params.put("page", String.valueOf(page));
        return "/cases?" + params.entrySet().stream().filter(e -> !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
