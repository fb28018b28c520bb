/* placeholder: being written */ typedef int ngojst_placeholder_calendar;
