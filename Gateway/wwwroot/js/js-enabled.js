// The NHS.UK frontend styles its interactive components only when these classes are present (its template does
// this inline; Buddy's content security policy forbids inline script, so it lives here).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
