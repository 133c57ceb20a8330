import type { WidgetStringValues } from './widget-strings.js';

/**
 * The widget's strings in English, one a line: the messages in the order of `widgetMessageKeys`,
 * then the statuses in the order of `widgetStatusOrder`.
 */
export const en = `English
Language
Report a problem
Close
Track a report
What is the problem?
Search
No match.
Loading…
Try again
Describe the problem
Where is it?
Use my location
Located (±{0} m).
No location found.
Landmark or address
Photo (optional)
Remove photo
Mobile number
We text you the report number.
Send report
Required.
Share your location or type a landmark.
Enter a valid mobile number.
Something went wrong.
Thank you, report received.
Report number
Offline: your report will be sent once online.
Tracking code
Check status
No report with this number and code.
Status
Expected by {0}
Fixed? Enter the closure code from our SMS.
Closure code
Yes, fixed
No, not fixed
Thank you. Report closed.
Thank you. Report reopened.
Wrong code. Attempts left: {0}.
The code has 7 digits.
This code no longer works.
Received
With the department
Being worked on
Needs your information
Fixed
Closed
Not accepted
Already reported`.split('\n') as unknown as WidgetStringValues;
