; NSIS include (electron-builder nsis.include): the Windows equivalent of the systemd user unit.
; A scheduled task starts the kiosk when any user signs in and, every 5 minutes, starts it
; again if it is not running (MultipleInstancesPolicy IgnoreNew: a running kiosk is left
; alone). The task definition is windows-task.xml (UTF-16, as schtasks wants it).

!macro customInstall
  SetOutPath "$PLUGINSDIR"
  File "${BUILD_RESOURCES_DIR}\autostart\windows-task.xml"
  ; The installer's own path goes into the task in place of the placeholder.
  nsExec::ExecToLog 'powershell -NoProfile -ExecutionPolicy Bypass -Command "$$x = [IO.File]::ReadAllText(\"$PLUGINSDIR\windows-task.xml\", [Text.Encoding]::Unicode).Replace(\"%KIOSK_EXE%\", \"$INSTDIR\${APP_EXECUTABLE_FILENAME}\"); [IO.File]::WriteAllText(\"$PLUGINSDIR\windows-task.xml\", $$x, [Text.Encoding]::Unicode)"'
  nsExec::ExecToLog 'schtasks /Create /F /TN "Rest Station Kiosk" /XML "$PLUGINSDIR\windows-task.xml"'
  SetOutPath "$INSTDIR"
!macroend

!macro customUnInstall
  nsExec::ExecToLog 'schtasks /Delete /F /TN "Rest Station Kiosk"'
!macroend
