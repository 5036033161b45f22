"""News-like articles for the cache, jobs and progress tests: Markdown with front matter, suppression
comments, a quotation, a block quote and a table; plain text with CRLF line endings, a byte-order mark
and no final newline. Between them they draw findings from a dozen rules, with safe, unsafe and no fixes,
and unused suppressions."""

from __future__ import annotations

ARTICLES: dict[str, bytes] = {
    'council.md': (
        b'---\n'
        b'title: Council approves bridge budget\n'
        b'---\n'
        b'\n'
        b'# Council approves bridge budget\n'
        b'\n'
        b'The city council voted 7-2 on Tuesday to approve a $4.5 million budget for the\n'
        b"new bridge, officials said. Its a good day for the city, the mayor's office said.\n"
        b'\n'
        b'"We was told the the costs would fall," said resident Tom Reyes, 61.\n'
        b'\n'
        b'<!-- lintnews-disable-next-line News.DoubledWord -->\n'
        b'Council member Ana Ruiz said that that vote was "long overdue".\n'
        b'\n'
        b'The bridge will open in March 2026, more then a year late. Critics say\n'
        b'the goverment ignored there concerns about traffic.\n'
        b'\n'
        b'> "Nobody listened to us," one shop owner wrote in a letter to the council.\n'
        b'\n'
        b'Read more: Bridge plans through the years\n'
    ),
    'storm.md': (
        b'# Storm cuts power to 12000 homes\n'
        b'\n'
        b'Power was cut to 12000 homes across the county on Sunday night after a storm\n'
        b'brought down lines, the utility said.  Crews were working to restore it.\n'
        b'\n'
        b'Residents were told to to stay indoors. The affect on schools was not yet\n'
        b'clear, a spokesperson said, and their was no word on when roads would reopen.\n'
        b'\n'
        b'<!-- lintnews-disable News.Spelling -->\n'
        b'The Wexfordshire relief fund has opened a shelter at the leisure centre.\n'
        b'<!-- lintnews-enable News.Spelling -->\n'
        b'\n'
        b'| Town | Homes without power |\n'
        b'|------|--------------------:|\n'
        b'| Ashby | 4,200 |\n'
        b'| Brill | 7,800 |\n'
    ),
    'markets.txt': (
        b'Markets fall as rates rise\r\n'
        b'\r\n'
        b'Shares fell sharply on Monday, analysts said, as investors worried that rates would\r\n'
        b"rise futher.  The index lost 2.3 0n it's worst day since March.\r\n"
        b'\r\n'
        b'Some experts claim the slide could last for months.\r\n'
    ),
    'school.txt': (
        b'\xef\xbb\xbfSchool reopens after repairs\n'
        b'\n'
        b'The school reopened on Monday after six weeks of repairs, the district said. Students\n'
        b'who\xe2\x80\x99s classes had moved to the library returned to there rooms.\n'
        b'\n'
        b'The principal said she was \xe2\x80\x9cdelighted\xe2\x80\x9d with the work. Parents said the\n'
        b'the delay had been frustrating.'
    ),
}
