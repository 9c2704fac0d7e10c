; Inno Setup script: the Windows installer of Netwerkatlas (Inno Setup 6, https://jrsoftware.org).
; First build the program on Windows:  pyinstaller --noconfirm packaging\netwerkatlas.spec
; then:  iscc packaging\windows\netwerkatlas.iss   ->  dist\Netwerkatlas-<version>-setup.exe
; It installs for the user alone (no administrator needed; the installer offers all users too),
; adds a Start-menu entry, registers the .netwerkatlas file type with its icon, and opens a
; double-clicked atlas in Netwerkatlas. The version must be netwerkatlas.__version__
; (tests/test_packaging.py checks it); iscc /DAppVersion=x.y.z overrides it for one build.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Netwerkatlas"
#define AppExe "Netwerkatlas.exe"
#define ProgId "Netwerkatlas.Atlas"

[Setup]
AppId={{6B1E3C52-4D0A-4F7E-9C1B-2A6F0E8D7C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Netwerkatlas
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\netwerkatlas.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\netwerkatlas\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\build\icons\netwerkatlas-document.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install and HKLM for all users.
Root: HKA; Subkey: "Software\Classes\.netwerkatlas"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.netwerkatlas"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-netwerkatlas"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.netwerkatlas\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\netwerkatlas-document.ico"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".netwerkatlas"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
