; DraftDesk for Windows: NSIS 3 script (64-bit, Unicode). packaging/build_installer.py runs
; makensis with VERSION, VI_VERSION, PUBLISHER, PAYLOAD, FILES_NSH, OUTFILE and SIZE_KB defined.
;
; Per-user by default (no administrator rights): %LOCALAPPDATA%\Programs\DraftDesk and HKCU.
; /ALLUSERS, when run elevated: %ProgramFiles%\DraftDesk and HKLM. /DESKTOP adds the desktop
; shortcut in silent mode. /S is silent. User settings, packs and documents live in the
; user's data folders (platformdirs), never in the program folder: upgrade and uninstall
; leave them alone.

Unicode true
Target amd64-unicode
SetCompressor /SOLID /FINAL lzma
SetCompressorDictSize 64
SetDateSave off
ManifestDPIAware true
RequestExecutionLevel user

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include Sections.nsh
; RemoveProgramFiles: deletes exactly what the payload put in $INSTDIR (generated).
!include "${FILES_NSH}"

!define APP "DraftDesk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\DraftDesk"
!define DOC_CLASS "DraftDesk.Document"
!define PACK_CLASS "DraftDesk.TemplatePack"
!define PYTHONW '"$INSTDIR\python\pythonw.exe" -X utf8'
!define ERROR_ELEVATION_REQUIRED 740

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
BrandingText "${APP} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VI_VERSION}"
VIFileVersion "${VI_VERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} ${VERSION} setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!define MUI_ICON "${PAYLOAD}\draftdesk.ico"
!define MUI_UNICON "${PAYLOAD}\draftdesk.ico"
!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"

Var AllUsers

; Tell Explorer that file associations changed (icons and "Open with" refresh at once).
!macro NotifyAssociations
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro Shortcut LINK
  CreateShortCut "${LINK}" "$INSTDIR\python\pythonw.exe" "-X utf8 -m draftdesk.gui" \
    "$INSTDIR\draftdesk.ico" 0 SW_SHOWNORMAL "" "Draft UN and OIC resolutions"
!macroend

Section "!${APP}" SecMain
  SectionIn RO
  ; Upgrade: the previous version's uninstaller removes its program files (not user data).
  ReadRegStr $R0 SHCTX "${UNINST_KEY}" "InstallLocation"
  ${If} $R0 != ""
  ${AndIf} ${FileExists} "$R0\uninstall.exe"
    ExecWait '"$R0\uninstall.exe" /S _?=$R0'
    Delete "$R0\uninstall.exe"
    RMDir "$R0"
  ${EndIf}
  !insertmacro RemoveProgramFiles

  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\draftdesk.ico"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" ${SIZE_KB}
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1

  ; SHCTX is HKCU\Software\Classes per user, HKLM\Software\Classes for all users.
  WriteRegStr SHCTX "Software\Classes\.draftdesk" "" "${DOC_CLASS}"
  WriteRegStr SHCTX "Software\Classes\.draftdesk\OpenWithProgids" "${DOC_CLASS}" ""
  WriteRegStr SHCTX "Software\Classes\${DOC_CLASS}" "" "DraftDesk resolution"
  WriteRegStr SHCTX "Software\Classes\${DOC_CLASS}\DefaultIcon" "" "$INSTDIR\draftdesk.ico"
  WriteRegStr SHCTX "Software\Classes\${DOC_CLASS}\shell\open\command" "" \
    '${PYTHONW} -m draftdesk.gui "%1"'
  WriteRegStr SHCTX "Software\Classes\.ddpack" "" "${PACK_CLASS}"
  WriteRegStr SHCTX "Software\Classes\.ddpack\OpenWithProgids" "${PACK_CLASS}" ""
  WriteRegStr SHCTX "Software\Classes\${PACK_CLASS}" "" "DraftDesk template pack"
  WriteRegStr SHCTX "Software\Classes\${PACK_CLASS}\DefaultIcon" "" "$INSTDIR\draftdesk.ico"
  ; A console window: the pack's preview, a question, then the install.
  WriteRegStr SHCTX "Software\Classes\${PACK_CLASS}\shell\open\command" "" \
    '"$INSTDIR\python\python.exe" -X utf8 "$INSTDIR\open-pack.py" "%1"'
  !insertmacro NotifyAssociations

  !insertmacro Shortcut "$SMPROGRAMS\${APP}.lnk"
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  !insertmacro Shortcut "$DESKTOP\${APP}.lnk"
SectionEnd

; Refuse, with a message and exit code 740, to write for all users without elevation.
!macro RequireAdmin
  UserInfo::GetAccountType
  Pop $R2
  ${If} $R2 != "Admin"
    MessageBox MB_ICONSTOP "Installing for all users needs administrator rights." /SD IDOK
    SetErrorLevel ${ERROR_ELEVATION_REQUIRED}
    Quit
  ${EndIf}
!macroend

Function .onInit
  ${GetParameters} $R0
  StrCpy $AllUsers 0
  SetShellVarContext current
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    !insertmacro RequireAdmin
    StrCpy $AllUsers 1
    ; Keep a folder given with /D=; replace only the per-user default.
    ${If} $INSTDIR == "$LOCALAPPDATA\Programs\${APP}"
      StrCpy $INSTDIR "$PROGRAMFILES64\${APP}"
    ${EndIf}
    SetShellVarContext all
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/DESKTOP" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecDesktop}
  ${EndIf}
FunctionEnd

Function un.onInit
  ; Installed for all users if the machine-wide entry names this folder.
  SetShellVarContext current
  ReadRegStr $R0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $R0 == $INSTDIR
    !insertmacro RequireAdmin
    SetShellVarContext all
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  !insertmacro RemoveProgramFiles
  Delete "$INSTDIR\uninstall.exe"
  ; Only if empty: a folder the user chose may hold their own files.
  RMDir "$INSTDIR"

  ; Associations are removed only while they still point at DraftDesk.
  ReadRegStr $R0 SHCTX "Software\Classes\.draftdesk" ""
  ${If} $R0 == "${DOC_CLASS}"
    DeleteRegKey SHCTX "Software\Classes\.draftdesk"
  ${EndIf}
  ReadRegStr $R0 SHCTX "Software\Classes\.ddpack" ""
  ${If} $R0 == "${PACK_CLASS}"
    DeleteRegKey SHCTX "Software\Classes\.ddpack"
  ${EndIf}
  DeleteRegKey SHCTX "Software\Classes\${DOC_CLASS}"
  DeleteRegKey SHCTX "Software\Classes\${PACK_CLASS}"
  DeleteRegKey SHCTX "${UNINST_KEY}"
  !insertmacro NotifyAssociations
SectionEnd
