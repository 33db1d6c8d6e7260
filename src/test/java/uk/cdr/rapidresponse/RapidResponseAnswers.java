package uk.cdr.rapidresponse;

import java.util.HashMap;
import java.util.Map;

/** What the Designated Doctor submits on the rapid response's three task forms, for tests. */
public final class RapidResponseAnswers {

    private RapidResponseAnswers() {
    }

    public static Map<String, Object> initialSharing(String convene) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("participants", "Health: Dr Okafor\nPolice: DC Jones\nSocial care: Ms Khan");
        answers.put("agreed", "Police to visit the home; paediatrician to see siblings");
        answers.put("homeVisit", "yes");
        answers.put("siblingsSafeguarding", "Two siblings staying with grandparents");
        answers.put("referredToSocialCare", "yes");
        answers.put("conveneMeeting", convene);
        return answers;
    }

    public static Map<String, Object> meeting(String date, String time, String invitees) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("meetingDate", date);
        answers.put("meetingTime", time);
        answers.put("meetingPlace", "Room 2, Civic Centre");
        answers.put("invitees", invitees);
        return answers;
    }

    public static Map<String, Object> outcome(String scr) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("attendees", "Health: Dr Okafor\nPolice: DC Jones\nChildren's social care: Ms Khan");
        answers.put("actions", "Share the GP record; Metropolitan Police; 2015-03-20\n"
                + "Assess the siblings; Children's social care; 2015-03-27");
        answers.put("scrCriteriaMayBeMet", scr);
        return answers;
    }
}
