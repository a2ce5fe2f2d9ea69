@echo off
rem DraftDesk command line: the embedded Python of this folder runs `python -m draftdesk`.
rem -X utf8: files and pipes in UTF-8 whatever the Windows code page.
"%~dp0python\python.exe" -X utf8 -m draftdesk %*
exit /b %ERRORLEVEL%
