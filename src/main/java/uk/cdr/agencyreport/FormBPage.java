package uk.cdr.agencyreport;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import uk.cdr.web.DateInput;

/**
 * The agency's Form B page, reached through the personal link without a login. Its fields are
 * rendered from the Form B definition. A link that does not work gets a page saying why (used,
 * expired, withdrawn, not recognised) and whom to ask, and nothing about any case.
 */
@Controller
@RequestMapping("/form-b")
class FormBPage {

    static final String LINK_NOT_VALID = "agencyreport/form-b-link-not-valid";
    private static final String NOT_A_DATE = "not a date";

    /** One entry of the error summary: the field's id (the link target) and the message naming it. */
    record ErrorEntry(String field, String message) {
    }

    private final FormBReturns returns;
    private final FormBDefinition definition;
    private final SpocContact spoc;

    FormBPage(FormBReturns returns, FormBDefinition definition, SpocContact spoc) {
        this.returns = returns;
        this.definition = definition;
        this.spoc = spoc;
    }

    @GetMapping("/thank-you")
    String thankYou(Model model) {
        model.addAttribute("spoc", spoc);
        return "agencyreport/form-b-thank-you";
    }

    @GetMapping("/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            return show(returns.open(token), token, Map.of(), Map.of(), Map.of(), model);
        } catch (LinkNotValid e) {
            return linkNotValid(e, model, response);
        }
    }

    @PostMapping("/{token}")
    String submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response) {
        Map<String, String> answers = new HashMap<>();
        Map<String, DateInput> typedDates = new HashMap<>();
        Map<String, String> typingErrors = new HashMap<>();
        for (FormBDefinition.Field field : definition.fields()) {
            if (field.isDate()) {
                DateInput typed = DateInput.read(form.toSingleValueMap(), field.key());
                typedDates.put(field.key(), typed);
                if (typed.problem() != null) {
                    typingErrors.put(field.key(), typed.problem());
                }
                // Half a date is not no date: the validator must refuse it, not skip an optional field.
                answers.put(field.key(), typed.problem() != null ? NOT_A_DATE : typed.iso());
            } else {
                answers.put(field.key(), form.getFirst(field.key()));
            }
        }
        try {
            returns.submit(token, answers);
            return "redirect:/form-b/thank-you";
        } catch (LinkNotValid e) {
            return linkNotValid(e, model, response);
        } catch (InvalidInput e) {
            FormBReturns.OpenFormB formB;
            try {
                formB = returns.reopen(token);
            } catch (LinkNotValid expiredMeanwhile) {
                return linkNotValid(expiredMeanwhile, model, response);
            }
            // In form order, so the summary lists the problems as the agency meets the fields; a date
            // typed so that it cannot be read says that, not what the validator made of it.
            Map<String, String> refused = new LinkedHashMap<>();
            e.errors().forEach(error -> refused.putIfAbsent(error.field(), error.rule()));
            Map<String, String> errors = new LinkedHashMap<>();
            for (FormBDefinition.Field field : definition.fields()) {
                String problem = typingErrors.getOrDefault(field.key(), refused.get(field.key()));
                if (problem != null) {
                    errors.put(field.key(), problem);
                }
            }
            refused.forEach(errors::putIfAbsent);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            typedDates.forEach(answers::remove);
            return show(formB, token, answers, typedDates, errors, model);
        }
    }

    private String show(FormBReturns.OpenFormB formB, String token, Map<String, String> answers,
            Map<String, DateInput> typedDates, Map<String, String> errors, Model model) {
        Map<String, DateInput> dates = new HashMap<>();
        for (FormBDefinition.Field field : definition.fields()) {
            if (field.isDate()) {
                dates.put(field.key(), typedDates.getOrDefault(field.key(), DateInput.ofIso(field.key(), answers.get(field.key()))));
            }
        }
        model.addAttribute("dates", dates);
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("caseReference", formB.caseReference());
        placeholders.put("agency", formB.agency());
        model.addAttribute("formB", formB);
        model.addAttribute("token", token);
        model.addAttribute("components", definition.components());
        model.addAttribute("placeholders", placeholders);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("errorList", errors.entrySet().stream().map(en -> new ErrorEntry(en.getKey(), en.getValue())).toList());
        model.addAttribute("title", title(placeholders));
        return "agencyreport/form-b";
    }

    /** The form's first heading ("Form B: agency report for case 2014-15/007") is the page's h1. */
    private String title(Map<String, String> placeholders) {
        return definition.components().stream().filter(FormBDefinition.Field::isText)
                .flatMap(c -> c.blocks(placeholders).stream()).filter(FormBDefinition.Block::heading)
                .map(FormBDefinition.Block::text).findFirst()
                .orElse("Form B: agency report for case " + placeholders.get("caseReference"));
    }

    private String linkNotValid(LinkNotValid e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("reason", e.reason().name());
        model.addAttribute("spoc", spoc);
        return LINK_NOT_VALID;
    }
}
