; Som POS installer for Windows: per-user (no administrator rights), Start menu and desktop
; shortcuts, an uninstaller that keeps the shop's data unless the user asks otherwise.
;
; Built by packaging/build.py --nsis (on the Windows runner after the PyInstaller build; on Linux
; against the Linux build's folder to check that the script compiles):
;   makensis -DVERSION=0.1.0 -DPAYLOAD=<PyInstaller folder> -DOUTFILE=<setup.exe> -DROOT=<repo> sompos.nsi
;
; Data: the app keeps the shop database, keys and settings in %LOCALAPPDATA%\sompos (platformdirs),
; outside the install folder, so installing a newer version over an older one keeps them.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !error "define PAYLOAD: the PyInstaller one-folder build"
!endif
!ifndef OUTFILE
  !define OUTFILE "sompos-${VERSION}-setup.exe"
!endif
!ifndef ROOT
  !define ROOT "..\.."
!endif

!define APPNAME "Som POS"
!define APPKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\SomPOS"
!define DATADIR "$LOCALAPPDATA\SomPOS\sompos"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Som POS"
InstallDirRegKey HKCU "Software\SomPOS" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ROOT}\resources\icons\sompos.ico"
!define MUI_UNICON "${ROOT}\resources\icons\sompos.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\sompos.exe"
!define MUI_FINISHPAGE_RUN_PARAMETERS "app"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; NSIS has no Kyrgyz translation; Kyrgyz Windows users read Russian installers.
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_LANGUAGE "English"

LangString UnsentWarn ${LANG_ENGLISH} "This till still has payments accepted offline that were not sent to the network yet.$\r$\n$\r$\nThey are kept and sent by the new version. Continue?"
LangString UnsentWarn ${LANG_RUSSIAN} "На этой кассе есть платежи, принятые без сети и ещё не отправленные.$\r$\n$\r$\nОни сохранятся и будут отправлены новой версией. Продолжить?"
LangString AskDeleteData ${LANG_ENGLISH} "Also delete this shop's data (sales, offline payments, keys, settings) in ${DATADIR}?$\r$\n$\r$\nChoose No to keep it for a later installation."
LangString AskDeleteData ${LANG_RUSSIAN} "Удалить также данные магазина (продажи, офлайн-платежи, ключи, настройки) в ${DATADIR}?$\r$\n$\r$\nВыберите «Нет», чтобы сохранить их для следующей установки."
LangString UnsentDelete ${LANG_ENGLISH} "Payments accepted offline have not been sent yet. Deleting the data loses them. Delete anyway?"
LangString UnsentDelete ${LANG_RUSSIAN} "Есть неотправленные платежи, принятые без сети. Удаление данных их потеряет. Всё равно удалить?"

Function .onInit
  ; An installed version: ask it whether unsent offline payments are waiting (exit code 10).
  IfFileExists "$INSTDIR\sompos.exe" 0 done
    nsExec::ExecToLog '"$INSTDIR\sompos.exe" upgrade-check'
    Pop $0
    ${If} $0 == 10
      MessageBox MB_YESNO|MB_ICONEXCLAMATION "$(UnsentWarn)" IDYES done
      Abort
    ${EndIf}
  done:
FunctionEnd

Section "Som POS" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; A newer build replaces the program files only; the data folder is elsewhere.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*"
  WriteRegStr HKCU "Software\SomPOS" "InstallDir" "$INSTDIR"
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\sompos.exe" "app" "$INSTDIR\sompos.exe" 0
  CreateShortCut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\sompos.exe" "app" "$INSTDIR\sompos.exe" 0
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${APPKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${APPKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${APPKEY}" "Publisher" "Som POS developers"
  WriteRegStr HKCU "${APPKEY}" "DisplayIcon" "$INSTDIR\sompos.exe"
  WriteRegStr HKCU "${APPKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${APPKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${APPKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${APPKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; Ask the program itself before it goes: unsent payments make deleting the data dangerous.
  StrCpy $1 0
  IfFileExists "$INSTDIR\sompos.exe" 0 +3
    nsExec::ExecToLog '"$INSTDIR\sompos.exe" upgrade-check'
    Pop $1
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\sompos.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${APPKEY}"
  DeleteRegKey HKCU "Software\SomPOS"
  ; The data is never deleted without asking, and the default answer keeps it.
  MessageBox MB_YESNO|MB_DEFBUTTON2|MB_ICONQUESTION "$(AskDeleteData)" /SD IDNO IDNO keep
    ${If} $1 == 10
      MessageBox MB_YESNO|MB_DEFBUTTON2|MB_ICONEXCLAMATION "$(UnsentDelete)" /SD IDNO IDNO keep
    ${EndIf}
    RMDir /r "${DATADIR}"
  keep:
SectionEnd
