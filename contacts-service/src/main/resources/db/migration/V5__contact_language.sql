-- Survey emails are written in the contact's language: a BCP 47 tag, 35 characters as RFC 5646 (4.4.1) asks to keep.
alter table contact add column language varchar(35);
