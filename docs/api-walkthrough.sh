#!/usr/bin/env bash
# One expected child death from Form A to its closure, through /api only (and the agency's own
# Form B link, as the agency would open it): what an outside client has to do, step by step.
#
#   docs/api-walkthrough.sh [BASE_URL]            (default http://localhost:8080)
#
# Users (HTTP Basic) come from the environment; the defaults are the demo users of the README:
#   SPOC_USER=spoc DOCTOR_USER=doctor NURSE_USER=nurse PANEL_USER=panel CHAIR_USER=chair PASSWORD=demo
# The agency's Form B link reaches the agency by email. With MAILPIT_URL set (docker-compose:
# http://localhost:8025) the script reads it from Mailpit; otherwise it prints
#   FORM_B_TOKEN_NEEDED <agency email>
# and reads the token (the last part of the link, /form-b/<token>) from standard input.
# WAIT_SECONDS (default 60) bounds each wait for the server's background work (emails, stages);
# PYTHON (default python3) names the Python 3 to read JSON with.
#
# Needs bash, curl and python3 (for JSON). Exits non-zero at the first step that does not do what
# it should, printing the server's answer.
set -euo pipefail

BASE_URL="${1:-${BASE_URL:-http://localhost:8080}}"
BASE_URL="${BASE_URL%/}"
SPOC_USER="${SPOC_USER:-spoc}"
DOCTOR_USER="${DOCTOR_USER:-doctor}"
NURSE_USER="${NURSE_USER:-nurse}"
PANEL_USER="${PANEL_USER:-panel}"
CHAIR_USER="${CHAIR_USER:-chair}"
PASSWORD="${PASSWORD:-demo}"
WAIT_SECONDS="${WAIT_SECONDS:-60}"
PYTHON="${PYTHON:-python3}"
AGENCY_EMAIL="${AGENCY_EMAIL:-gp-$RANDOM$RANDOM@agency.example}"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
STATUS=""
BODY=""

say() { printf '%s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

# api USER METHOD PATH [JSON]: sets STATUS and BODY.
api() {
  local user="$1" method="$2" path="$3" json="${4:-}"
  local args=(-sS -o "$WORK/body" -w '%{http_code}' -u "$user:$PASSWORD" -X "$method" -H 'Accept: application/json')
  if [ -n "$json" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$json")
  fi
  STATUS="$(curl "${args[@]}" "$BASE_URL$path")"
  BODY="$(cat "$WORK/body")"
}

# expect CODE WHAT: the last answer had this status, or the walkthrough stops.
expect() {
  [ "$STATUS" = "$1" ] || fail "$2: expected HTTP $1, got $STATUS: $BODY"
}

# json EXPRESSION: evaluates a Python expression over the last answer's JSON, bound to d.
json() {
  printf '%s' "$BODY" | "$PYTHON" -c 'import json, sys; d = json.load(sys.stdin); r = eval(sys.argv[1]); print("" if r is None else r)' "$1"
}

# day OFFSET: the date OFFSET days from today in England (the server's day), yyyy-mm-dd.
day() { TZ=Europe/London date -d "$1 days" +%F 2>/dev/null || TZ=Europe/London "$PYTHON" -c 'import datetime, sys; print(datetime.date.today() + datetime.timedelta(days=int(sys.argv[1])))' "$1"; }

# A valid NHS number (modulus 11 check digit) that no other case has: else Form A is a possible duplicate.
nhs_number() {
  local n s i c
  while true; do
    n=$(( (RANDOM * 32768 + RANDOM) % 900000000 + 100000000 ))
    s=0
    for i in 0 1 2 3 4 5 6 7 8; do s=$(( s + ${n:$i:1} * (10 - i) )); done
    c=$(( 11 - s % 11 ))
    [ "$c" -eq 11 ] && c=0
    [ "$c" -ne 10 ] && { printf '%s%s' "$n" "$c"; return; }
  done
}

# task USER TASK_KEY: waits until the task of our case is in USER's work (GET /api/tasks); sets TASK_ID.
task() {
  local user="$1" key="$2" waited=0
  while true; do
    api "$user" GET /api/tasks
    expect 200 "GET /api/tasks as $user"
    TASK_ID="$(json "next((t['taskId'] for t in d if t['taskKey'] == '$key' and t['caseReference'] == '$REFERENCE'), '')")"
    [ -n "$TASK_ID" ] && return
    [ "$waited" -ge "$WAIT_SECONDS" ] && fail "$key of $REFERENCE never reached $user's work"
    sleep 1
    waited=$((waited + 1))
  done
}

# complete USER TASK_KEY ANSWERS: finds the task in USER's work and completes it with the answers.
complete() {
  task "$1" "$2"
  api "$1" GET "/api/tasks/$TASK_ID/form"
  expect 200 "the form of $2"
  say "  $1: $2 asks for $(json "', '.join(f['key'] + (' (required)' if f['required'] else '') for f in d['fields'])")"
  api "$1" POST "/api/tasks/$TASK_ID/completion" "$3"
  expect 200 "$1 completes $2"
  say "  $1: $2 done"
}

form_b_token() {
  if [ -n "${MAILPIT_URL:-}" ]; then
    local waited=0 id=""
    while [ -z "$id" ]; do
      id="$(curl -sS "${MAILPIT_URL%/}/api/v1/search?query=to:$AGENCY_EMAIL" \
        | "$PYTHON" -c 'import json, sys; m = json.load(sys.stdin).get("messages") or []; print(m[0]["ID"] if m else "")')"
      [ -n "$id" ] && break
      [ "$waited" -ge "$WAIT_SECONDS" ] && fail "no Form B email reached $AGENCY_EMAIL in Mailpit"
      sleep 1
      waited=$((waited + 1))
    done
    curl -sS "${MAILPIT_URL%/}/api/v1/message/$id" \
      | "$PYTHON" -c 'import json, re, sys; print(re.search(r"/form-b/([A-Za-z0-9_-]{43})", json.load(sys.stdin)["Text"]).group(1))'
  else
    say "FORM_B_TOKEN_NEEDED $AGENCY_EMAIL" >&2
    local token
    read -r token || fail "no Form B token on standard input"
    printf '%s' "$token"
  fi
}

say "Walkthrough of one expected death against $BASE_URL"

# 1. The SPOC logs the death (Form A). The child and the notifier are invented.
# The child's area: the first the CDOP serves (GET /api/areas).
api "$SPOC_USER" GET /api/areas
expect 200 "the SPOC reads the CDOP's areas"
AREA="$(json "d[0]['code']")"
read -r DATE_OF_DEATH DATE_OF_BIRTH TODAY LAST_CONTACT <<<"$(day -1) $(day -1100) $(day 0) $(day -10)"
FORM_A="$(cat <<JSON
{"notifierName":"Dr Ann Smith","notifierRole":"Paediatric consultant","notifierOrganisation":"St Elsewhere Hospice",
 "notifierEmail":"ann.smith@nhs.example","notifierPhone":"020 7946 0000",
 "childFirstName":"Walk","childLastName":"Through$RANDOM$RANDOM","dateOfBirth":"$DATE_OF_BIRTH","sex":"female",
 "nhsNumber":"$(nhs_number)","ethnicity":"white-british","addressLine":"1 High Street","postcode":"SW1A 1AA",
 "area":"$AREA","dateOfDeath":"$DATE_OF_DEATH","timeOfDeath":"14:05","placeOfDeath":"hospice","notifiedExpected":"expected",
 "circumstances":"Life-limiting condition; died peacefully in the hospice as planned with the family.",
 "postMortemRequired":"no","coronerInformed":"no",
 "agencies":[{"agency":"GP","contactName":"Dr Gee Pee","contactEmail":"$AGENCY_EMAIL"}]}
JSON
)"
api "$SPOC_USER" POST /api/notifications "$FORM_A"
expect 201 "the SPOC logs Form A"
REFERENCE="$(json "d['caseReference']")"
CASE_ID="$(json "d['caseId']")"
say "1. Form A logged: case $REFERENCE ($CASE_ID)"

# 2. The Designated Doctor confirms the death was expected (no rapid response then).
say "2. Notification tasks"
complete "$DOCTOR_USER" Task_ConfirmExpectedOrUnexpected '{"deathClassification":"expected"}'
complete "$SPOC_USER" Task_AcknowledgeNotification '{"acknowledged":true}'
complete "$NURSE_USER" Task_BereavementSupport "{\"bereavementSupport\":\"accepted\",\"bereavementSupportOfferedOn\":\"$TODAY\",\"familiesLeaflet\":\"yes\"}"

# 3. The SPOC asks the agency for its Form B (this completes "Request agency reports").
say "3. Agency reports"
task "$SPOC_USER" Task_RequestFormBReports
api "$SPOC_USER" POST "/api/cases/$CASE_ID/agency-reports" \
  "[{\"agency\":\"GP\",\"contactName\":\"Dr Gee Pee\",\"contactEmail\":\"$AGENCY_EMAIL\"}]"
[ "${STATUS:0:1}" = 2 ] || fail "the SPOC requests the Form B: HTTP $STATUS: $BODY"
say "  Form B requested from $AGENCY_EMAIL"

# 4. The agency opens its link and returns the Form B (a page for people: its CSRF token is read from it).
TOKEN="$(form_b_token)"
PAGE="$(curl -sS -c "$WORK/agency" -b "$WORK/agency" "$BASE_URL/form-b/$TOKEN")"
CSRF="$(printf '%s' "$PAGE" | "$PYTHON" -c 'import re, sys
m = re.search(r"<input[^>]*name=\"_csrf\"[^>]*>", sys.stdin.read())
v = re.search(r"value=\"([^\"]+)\"", m.group(0)) if m else None
print(v.group(1) if v else "")')"
[ -n "$CSRF" ] || fail "the Form B page has no form"
RETURNED="$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$WORK/agency" -b "$WORK/agency" \
  --data-urlencode "_csrf=$CSRF" --data-urlencode "reporterName=Dr Gee Pee" --data-urlencode "reporterRole=GP partner" \
  --data-urlencode "reporterAgency=High Street Surgery" --data-urlencode "reporterEmail=$AGENCY_EMAIL" \
  --data-urlencode "contactWith=child-and-family" --data-urlencode "firstContactDate=$DATE_OF_BIRTH" \
  --data-urlencode "lastContactDate=$LAST_CONTACT" --data-urlencode "natureOfContact=Registered patient; regular reviews." \
  --data-urlencode "knownHealth=yes" --data-urlencode "knownHealthDetails=Life-limiting condition, known since birth." \
  --data-urlencode "development=not-known" --data-urlencode "familyAndEnvironment=no" --data-urlencode "parenting=no" \
  --data-urlencode "serviceFactors=no" --data-urlencode "concerns=no" \
  "$BASE_URL/form-b/$TOKEN")"
case "$RETURNED" in
  302*/form-b/thank-you*) say "  the agency returned its Form B" ;;
  *) fail "the agency's Form B was not accepted: $RETURNED" ;;
esac

# Whether the CDOP queue, narrowed by the query given, lists the case: it answers a page at a time.
in_queue() {
  local page=1
  while true; do
    api "$CHAIR_USER" GET "/api/cdop/queue?$1&size=500&page=$page"
    expect 200 "the CDOP queue"
    [ "$(json "any(c['caseReference'] == '$REFERENCE' for c in d['items'])")" = True ] && return 0
    [ "$(json "d['page'] * d['size'] >= d['total']")" = True ] && return 1
    page=$((page + 1))
  done
}

# 5. With every Form B in, the case waits in the CDOP queue, ready for review.
say "5. CDOP queue"
waited=0
while true; do
  in_queue "state=READY_FOR_REVIEW&sort=reference" && break
  [ "$waited" -ge "$WAIT_SECONDS" ] && fail "$REFERENCE never became ready for review: $BODY"
  sleep 1
  waited=$((waited + 1))
done
say "  $REFERENCE is ready for review"

# 6. The chair sets a panel meeting (today) and puts the case on its agenda.
api "$CHAIR_USER" POST /api/cdop/meetings "{\"heldOn\":\"$TODAY\",\"kind\":\"ROUTINE\",\"place\":\"Civic Centre\"}"
expect 201 "the chair sets a meeting"
MEETING_ID="$(json "d['id']")"
api "$CHAIR_USER" POST "/api/cdop/meetings/$MEETING_ID/cases" "{\"caseId\":\"$CASE_ID\"}"
expect 204 "the chair assigns the case to the meeting"
say "6. Meeting $MEETING_ID on $TODAY with $REFERENCE on its agenda"

# 7. At the meeting the panel records Form C and its outcome; the panel's work links to the meeting page.
task "$PANEL_USER" Task_ReviewCase
api "$PANEL_USER" GET /api/tasks
say "  panel's work: $(json "next(t['name'] + ' -> ' + t['link'] for t in d if t['taskId'] == '$TASK_ID')")"
api "$PANEL_USER" PUT "/api/cdop/cases/$CASE_ID/form-c" '{"version":0,"domainChild":"2","domainFamily":"0",
  "domainParenting":"0","domainServices":"0","category":7,"modifiable":"no",
  "learningPoints":"Planned palliative care; the family was supported throughout.","scrConsidered":false,"recommendations":[]}'
expect 200 "the panel saves Form C"
api "$PANEL_USER" POST "/api/cdop/cases/$CASE_ID/outcome" '{"outcome":"reviewed"}'
expect 204 "the panel records the outcome"
say "7. Reviewed by the panel"

# 8. The chair ratifies the review, which closes the case.
api "$CHAIR_USER" POST "/api/cdop/cases/$CASE_ID/ratification" '{}'
expect 204 "the chair ratifies"
say "8. Ratified by the chair"

# 9. Closed: the case's own record says so where the server has one (GET /api/cases/{id}); the queue no longer lists it.
waited=0
while true; do
  api "$SPOC_USER" GET "/api/cases/$CASE_ID"
  if [ "$STATUS" = 200 ]; then
    # A JSON value (not a key such as closedOn) that says closed: "CLOSED", "Closed: review completed on ...".
    printf '%s' "$BODY" | grep -Eqi ':[[:space:]]*"closed' && break
  else
    in_queue "sort=reference" || break
  fi
  [ "$waited" -ge "$WAIT_SECONDS" ] && fail "$REFERENCE did not close: $BODY"
  sleep 1
  waited=$((waited + 1))
done
say "9. Case $REFERENCE is closed"
